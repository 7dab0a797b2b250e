import type { FieldOption, FieldSpec } from './entity-form';

// Field lists of the editing forms, built by the pages with translated labels. Labels come from
// the `fields` catalog, the same words the server uses when it names a field at fault.

type T = (key: string) => string;

export function tourFields(
  tf: T,
  values: Partial<Record<string, string | number | null>> = {},
): FieldSpec[] {
  const v = (k: string, fallback = '') =>
    values[k] === null || values[k] === undefined ? fallback : String(values[k]);
  const num = (name: string, min: number, max: number, fallback: string): FieldSpec => ({
    name,
    label: tf(name),
    type: 'number',
    required: true,
    min,
    max,
    defaultValue: v(name, fallback),
  });
  const time = (name: string, fallback: string): FieldSpec => ({
    name,
    label: tf(name),
    type: 'time',
    required: true,
    defaultValue: v(name, fallback),
  });
  return [
    {
      name: 'nameZh',
      label: tf('nameZh'),
      type: 'text',
      required: true,
      maxLength: 200,
      defaultValue: v('nameZh'),
    },
    {
      name: 'nameEn',
      label: tf('nameEn'),
      type: 'text',
      required: true,
      maxLength: 200,
      defaultValue: v('nameEn'),
    },
    {
      name: 'startDate',
      label: tf('startDate'),
      type: 'date',
      required: true,
      defaultValue: v('startDate'),
    },
    {
      name: 'endDate',
      label: tf('endDate'),
      type: 'date',
      required: true,
      defaultValue: v('endDate'),
    },
    {
      name: 'timeZone',
      label: tf('timeZone'),
      type: 'text',
      required: true,
      maxLength: 64,
      defaultValue: v('timeZone', 'Asia/Shanghai'),
    },
    num('maxThemesPerOutlet', 1, 50, '3'),
    num('transferBufferMinutes', 0, 600, '30'),
    num('maxDayMinutes', 60, 1440, '720'),
    num('minRestMinutes', 0, 1440, '600'),
    time('lunchStart', '11:30'),
    time('lunchEnd', '14:00'),
    time('dinnerStart', '17:30'),
    time('dinnerEnd', '21:00'),
  ];
}

export function outletFields(
  tf: T,
  countries: FieldOption[],
  mediaTypes: FieldOption[],
  values: Partial<Record<string, string | null>> = {},
): FieldSpec[] {
  return [
    {
      name: 'nameZh',
      label: tf('nameZh'),
      type: 'text',
      required: true,
      maxLength: 200,
      defaultValue: values.nameZh ?? '',
    },
    {
      name: 'nameEn',
      label: tf('nameEn'),
      type: 'text',
      required: true,
      maxLength: 200,
      defaultValue: values.nameEn ?? '',
    },
    {
      name: 'countryCode',
      label: tf('countryCode'),
      type: 'select',
      required: true,
      options: countries,
      defaultValue: values.countryCode ?? '',
    },
    {
      name: 'mediaType',
      label: tf('mediaType'),
      type: 'select',
      required: true,
      options: mediaTypes,
      defaultValue: values.mediaType ?? '',
    },
    {
      name: 'website',
      label: tf('website'),
      type: 'url',
      maxLength: 500,
      defaultValue: values.website ?? '',
      wide: true,
    },
  ];
}

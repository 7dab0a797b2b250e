import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

// Named once in app/globals.css: lists repeat a badge on every row.
const tones = {
  neutral: 'badge',
  brand: 'badge badge-brand',
  warning: 'badge badge-warning',
  danger: 'badge badge-danger',
} as const;

export function Badge({
  children,
  tone = 'neutral',
  className,
}: {
  children: ReactNode;
  tone?: keyof typeof tones;
  className?: string;
}) {
  return <span className={cn(tones[tone], className)}>{children}</span>;
}

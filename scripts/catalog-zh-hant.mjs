// Generates the Traditional Chinese (Taiwan) catalogs, messages/**/zh-Hant.json, from the
// Simplified ones (zh.json): `node scripts/catalog-zh-hant.mjs` (or `--check` to only verify).
//
// The zh-Hant files are this script's output: never edit them by hand. Fix a wrong term by
// adding to RULES (a reviewed Taiwan UI phrase list, applied after OpenCC cn→twp) or, when a
// string must be reworded as a whole, to OVERRIDES. tests/unit/catalog-zh-hant.test.ts fails
// when a file on disk is not exactly what this script makes.
//
// Only human text is converted: each message is cut into ICU MessageFormat syntax (placeholders,
// plural/select keywords and selectors, `#`, rich-text tags, quoting apostrophes) and literal
// text. Syntax is masked with private-use characters, so OpenCC and the phrase list see the whole
// sentence (`第 {row} 行` is one phrase) but cannot touch the syntax; afterwards every message's
// ICU skeleton (the message without its literal text) must be identical to the Simplified one,
// or nothing is written.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as OpenCC from 'opencc-js';

export const root = fileURLToPath(new URL('../messages', import.meta.url));
const SOURCE = 'zh.json';
const TARGET = 'zh-Hant.json';

/** Simplified (mainland) → Traditional, Taiwan standard characters with Taiwan phrases. */
const cnToTwp = OpenCC.Converter({ from: 'cn', to: 'twp' });

// formatjs' parser (what next-intl formats with) is a transitive dependency: when it is
// installed, its ASTs are compared too, as a second check on the tokenizer below.
let parseIcu = null;
try {
  ({ parse: parseIcu } = await import('@formatjs/icu-messageformat-parser'));
} catch {
  parseIcu = null;
}

// ---------------------------------------------------------------------------------------------
// ICU MessageFormat tokenizer: a message as a list of { t: 'text' | 'syntax', v } segments.
// Follows formatjs: `#` is syntax only directly inside a plural/selectordinal option (not inside
// a nested select), `<` starts a tag only before a letter, and an apostrophe quotes only before
// `{ } < >` (or `#` in a plural); `''` is one apostrophe. Quoted runs are kept as syntax.

export function tokenize(message) {
  const segments = [];
  let i = 0;
  const n = message.length;
  const fail = (why) => {
    throw new Error(`ICU syntax: ${why} at ${i} in ${JSON.stringify(message)}`);
  };
  const push = (t, v) => {
    if (!v) return;
    const last = segments.at(-1);
    if (last && last.t === t) last.v += v;
    else segments.push({ t, v });
  };
  const skipSpace = () => {
    while (i < n && /\s/.test(message[i])) i++;
  };

  function quote(inPlural) {
    // at an apostrophe
    if (message[i + 1] === "'") {
      push('syntax', "''");
      i += 2;
      return;
    }
    const next = message[i + 1];
    if (next === undefined || !('{}<>'.includes(next) || (next === '#' && inPlural))) {
      push('text', "'");
      i++;
      return;
    }
    const start = i;
    i++;
    while (i < n) {
      if (message[i] === "'") {
        if (message[i + 1] === "'") i += 2;
        else {
          i++;
          push('syntax', message.slice(start, i));
          return;
        }
      } else i++;
    }
    push('syntax', message.slice(start, i)); // unterminated: quoted to the end
  }

  function tag(inPlural) {
    const start = i;
    i++; // <
    while (i < n && /[\w-]/.test(message[i])) i++;
    const name = message.slice(start + 1, i);
    skipSpace();
    if (message.startsWith('/>', i)) {
      i += 2;
      push('syntax', message.slice(start, i));
      return;
    }
    if (message[i] !== '>') fail(`malformed tag <${name}`);
    i++;
    push('syntax', message.slice(start, i));
    body(inPlural, name);
    const close = i;
    i += 2; // </
    const closeName = message.slice(i).match(/^[\w-]*/)[0];
    i += closeName.length;
    skipSpace();
    if (closeName !== name || message[i] !== '>') fail(`tag <${name}> closed by </${closeName}`);
    i++;
    push('syntax', message.slice(close, i));
  }

  function argument() {
    const start = i;
    i++; // {
    skipSpace();
    const name = message.slice(i).match(/^[^\s,{}#<>'"]*/)[0];
    if (!name) fail('argument without a name');
    i += name.length;
    skipSpace();
    if (message[i] === '}') {
      i++;
      push('syntax', message.slice(start, i));
      return;
    }
    if (message[i] !== ',') fail(`expected , or } after {${name}`);
    i++;
    skipSpace();
    const type = message.slice(i).match(/^[A-Za-z]*/)[0];
    i += type.length;
    skipSpace();
    if (!['plural', 'selectordinal', 'select'].includes(type)) {
      // {n, number}, {d, date, short}, {n, number, ::currency/EUR}: all syntax
      let depth = 1;
      while (i < n && depth > 0) {
        if (message[i] === '{') depth++;
        else if (message[i] === '}') depth--;
        i++;
      }
      if (depth > 0) fail(`unterminated {${name}, ${type}`);
      push('syntax', message.slice(start, i));
      return;
    }
    if (message[i] !== ',') fail(`expected , after ${type}`);
    i++;
    let from = start;
    let options = 0;
    for (;;) {
      skipSpace();
      if (message[i] === '}') {
        if (!options) fail(`{${name}, ${type}} without options`);
        i++;
        push('syntax', message.slice(from, i));
        return;
      }
      if (i >= n) fail(`unterminated {${name}, ${type}`);
      const selector = message.slice(i).match(/^(offset:\s*\d+|=\d+|[^\s{}]+)/)?.[0];
      if (!selector) fail(`expected a selector in {${name}, ${type}`);
      i += selector.length;
      if (selector.startsWith('offset:')) continue;
      skipSpace();
      if (message[i] !== '{') fail(`expected { after selector ${selector}`);
      i++;
      push('syntax', message.slice(from, i));
      body(type !== 'select', null);
      if (message[i] !== '}') fail(`unterminated option ${selector}`);
      from = i;
      i++;
      options++;
    }
  }

  // Reads literal text and syntax until the `}` ending an option, the closing tag of closeTag,
  // or (top) the end of the message.
  function body(inPlural, closeTag, top = false) {
    while (i < n) {
      const c = message[i];
      if (c === '{') argument();
      else if (c === '}') {
        if (top || closeTag) fail('unbalanced }');
        return;
      } else if (c === '#' && inPlural) {
        push('syntax', '#');
        i++;
      } else if (c === '<' && message[i + 1] === '/') {
        if (!closeTag) fail('closing tag without an opening one');
        return;
      } else if (c === '<' && /[A-Za-z]/.test(message[i + 1] ?? '')) tag(inPlural);
      else if (c === "'") quote(inPlural);
      else {
        push('text', c);
        i++;
      }
    }
    if (!top) fail(closeTag ? `unclosed tag <${closeTag}>` : 'unterminated option');
  }

  body(false, null, true);
  return segments;
}

/** The message with all literal text removed: what a translation must keep byte for byte. */
export function icuSkeleton(message) {
  return tokenize(message)
    .filter((s) => s.t === 'syntax')
    .map((s) => s.v)
    .join('');
}

/** formatjs' AST without literal text and locations, or null when the parser is not installed. */
export function icuAst(message) {
  if (!parseIcu) return null;
  const strip = (nodes) =>
    nodes
      .filter((node) => node.type !== 0) // literal
      .map((node) => {
        const { location: _location, value, options, children, ...rest } = node;
        const out = { ...rest, value };
        if (children) out.children = strip(children);
        if (options) {
          out.options = Object.fromEntries(
            Object.entries(options).map(([k, o]) => [k, strip(o.value)]),
          );
        }
        return out;
      });
  return JSON.stringify(strip(parseIcu(message)));
}

// ---------------------------------------------------------------------------------------------
// Reviewed Taiwan UI phrase list, applied in order to OpenCC's twp output (so it is written in
// Traditional characters). Each rule: [from (string: every occurrence; RegExp: must be /g),
// to, scope (optional RegExp on the message id `folder:key.path`)].
//
// Already done right by OpenCC twp, so not listed (checked; listing them would double-convert):
// 导出/导入→匯出/匯入, 打印→列印, 信息→資訊 (消息→訊息 stays 訊息), 文件→檔案, 默认→預設,
// 设置→設定, 用户→使用者, 链接→連結, 视频→影片, 网络→網路, 程序→程式, 登录→登入, 搜索→搜尋,
// 保存→儲存, 数据→資料, 屏幕→螢幕, 短信→簡訊, 字段→欄位, 字符→字元, 字节→位元組, 服务器→伺服器,
// 刷新→重新整理, 实时→即時, 菜单→選單, 点击→點選, 添加→新增, 创建→建立, 查看→檢視, 发送→傳送,
// 粘贴→貼上, 设备→裝置, 联系→聯絡, 密钥→金鑰, 批量→批次, 出租车→計程車, 激活→啟用, 支持→支援.
//
// `P` matches one masked ICU syntax segment ({name}, #, a plural's `other {`…).
const P = '[\\uE000-\\uF8FF]';

export const RULES = [
  // Accounts and sign-in
  [/賬戶|帳戶|賬號/g, '帳號'], // login account: 帳號 (帳戶 is a bank account)
  ['賬', '帳'],
  ['退出登入', '登出'],
  ['電子郵箱', '電子郵件'],
  ['郵箱', '電子郵件'],
  ['重置', '重設'],
  ['當前', '目前'],

  // twp's software-jargon phrases that are wrong here
  ['型別', '類型'], // 类型 is "kind", not a programming type
  ['程式碼', '代碼'], // 代码 is a group/city code, not source code
  ['物件', '對象'], // audit "target", not a software object
  ['併為', '並為'], // 并为 "and for": OpenCC picks 併 (merge)
  ['隻能', '只能'],

  // Spreadsheets and files
  ['單元格', '儲存格'],
  ['工作簿', '活頁簿'],
  ['表格', '試算表', /^editing:import\./],
  ['導入', '匯入'], // twp leaves 导入团员 as 導入
  [/解壓(?!縮)/g, '解壓縮'],
  ['單個', '單一'],

  // Interface verbs
  ['選中', '選取'],
  [/按?回車/g, '按 Enter 鍵'],
  ['拖動', '拖曳'],
  ['撤銷', '復原'], // undo
  ['新建', '新增'],
  ['創建', '建立'], // 创建于: twp leaves 創建
  ['歸檔', '封存'], // archive
  ['生成', '產生'],
  ['提交', '送出'],
  ['只讀', '唯讀'],
  ['查詢', '尋找'], // twp makes 查找 "find" 查詢 "query"
  ['詳情', '詳細資料'],
  ['分配', '指派'],
  ['訪問', '存取'], // access refused
  [/^應用$/g, '套用'], // the "Apply" filter button (a calendar 應用 is an app, below)
  [/^出錯了$/g, '發生錯誤'],
  ['報告此問題', '回報此問題'],
  ['暫無', '目前沒有'],
  [/未變(?!更)/g, '未變更'],
  ['按目前篩選', '依目前篩選條件'],
  ['示例', '範例'],
  ['演示', '示範'],
  ['概覽', '總覽'],
  ['主導航', '主要導覽'],
  ['導航', '導覽'],
  ['時間線', '時間軸'],
  ['已覆蓋', '已涵蓋'], // a theme is covered

  // Audit
  ['審計日誌', '稽核記錄'],
  ['審計', '稽核'],

  // Calendar and programme
  ['日曆應用', '行事曆應用程式'],
  ['日曆', '行事曆'],
  ['日程板', '行程看板'],
  ['日程規則', '排程規則'],
  ['日程', '行程'],
  ['複製到第二天', '複製到隔天'],

  // Tours, people, transport
  ['主辦方', '主辦單位'],
  ['組織方', '主辦單位'],
  [/^攝像$/g, '攝影師'], // camera operator
  ['報道', '報導'],
  ['轉場', '移動'], // moving between sites
  ['大巴', '遊覽車'],
  [/^小車$/g, '小客車'],
  ['酒店', '飯店'],
  ['著裝', '服裝'],
  ['簽到', '報到'],
  ['身份', '身分'],
  [/有效期(?!限)/g, '有效期限'],
  ['運營', '營運'],
  ['質量', '品質'],
  ['模板', '範本'],
  ['計劃', '計畫'],

  // Counters: records are 筆, reminders 則
  ['條提醒', '則提醒'],
  ['條記錄', '筆記錄'],
  [new RegExp(`(${P}) 條(?=[，。；、）]|$)`, 'g'), '$1 筆'], // 新建 {create} 条， (import counts)

  // Web address vs. IP address vs. street address (地址 stays for a street address)
  ['地址', '網址', /^(main:app\.notFoundBody|itinerary:feed\..*)$/],
  ['地址', '位址', /^admin:audit\.(ip|words\.badAddress|words\.addressLocked)$/],

  // Lists, and Taiwan quotation marks
  ['列表', '清單'],
  ['“', '「'],
  ['”', '」'],
  ['‘', '『'],
  ['’', '』'],
];

// Rows and columns: mainland 行 (row) is Taiwan 列, mainland 列 (column) is Taiwan 欄. Swapped in
// every message about a spreadsheet's or a table's rows and columns (after RULES, in one pass).
// Any other message with a bare 行 or 列 must be listed in TEXT_LINES (where 行 is a line of
// text, the same in Taiwan), or the script stops: a new message has to be classified by a person.
export const GRID = [
  /^editing:import\./,
  /^main:fields\.mapping$/,
  /^admin:audit\.details\.rows$/,
  /^board:board\.view$/,
  /^editing:groups\.selectAll$/,
];
export const TEXT_LINES = [/^editing:places\.closuresHint$/];
// Words in which 行 or 列 is not a row or a column.
const COMPOUNDS = new Set(
  (
    '行程 行動 進行 執行 步行 同行 行事 旅行 運行 銀行 行政 行為 飛行 發行 行李 行銷 流行 行駛 ' +
    '行業 舉行 可行 履行 自行 行走 實行 行人 行使 另行 先行 通行 航行 出行 行經 例行 行列 ' +
    '列印 列出 列於 列表 排列 系列 陣列 並列 列入 列舉 位址列'
  ).split(' '),
);

// In a GRID message, after a number, a placeholder or 第/每/各/某/哪一/這些/所有, 行 and 列 are
// rows and columns whatever follows (第一行為列標題: "the first row is", not 行為 "behaviour").
const COUNTED =
  /(?:[0-9一二兩三四五六七八九十百千萬,]|[\uE000-\uF8FF]|第|每|各|某|哪一|這些|所有)\s*$/;

function bareGridChars(text, grid = false) {
  const found = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '行' && c !== '列') continue;
    const inWord =
      !(grid && COUNTED.test(text.slice(0, i))) &&
      [...COMPOUNDS].some((w) =>
        [...w].some((wc, k) => wc === c && i >= k && text.slice(i - k, i - k + w.length) === w),
      );
    if (!inWord) found.push(i);
  }
  return found;
}

function swapRowsAndColumns(text) {
  const at = new Set(bareGridChars(text, true));
  return [...text].map((c, i) => (at.has(i) ? (c === '行' ? '列' : '欄') : c)).join('');
}

// ---------------------------------------------------------------------------------------------
// Whole-message overrides, by id `folder:key.path` (folder `main` is messages/zh.json). Written
// in Traditional characters; their ICU skeleton must still equal the Simplified message's.
export const OVERRIDES = {
  // A language's name is shown in its own script.
  'main:language.en': 'English',
  'main:language.zh': '简体中文',
  'main:language.zh-Hant': '繁體中文',
  'main:tour.nav': '活動頁面導覽', // "Tour sections" (a nav landmark's name); 欄目 is mainland
  'main:fields.mapping': '欄位對應', // Column mapping
  // 最多只能: OpenCC (cn→tw, and cn→twp) reads 多只 as "many (animals)", 多隻
  'main:validation.tooLongVisit': '{field}最晚只能在開始後三天。',
  'admin:audit.intro':
    '依時間由新到舊排列，時間為北京時間（Asia/Shanghai）。同一來源的重複拒絕會合併為一筆記錄並計數。',
  'editing:form.deleteNote': '只有未被其他資料使用的條目才能刪除；否則請封存。', // 依赖
  'editing:groups.more': '僅顯示前 {count} 個分組；請搜尋其他分組。',
  'editing:import.intro':
    '可匯入 Excel 活頁簿（.xlsx）或 CSV 檔案（UTF-8，含或不含位元組順序標記，或 GB18030）。請先檢視預覽：送出前不會儲存任何內容；送出時會全部儲存，否則全部不儲存。', // 要么…要么
  'editing:import.reason.unknownSex': '{field}：無法辨識的值。', // 未知取值
  'exports:values.scheduled': '如期舉行', // status beside 已取消; 按计划
  'exports:menu.rows': '{count, plural, =0 {沒有資料} other {# 筆資料}}', // rows of an export
  'exports:menu.sensitive': '包含（僅限主辦單位；此次匯出會留下稽核記錄）',
  'itinerary:readingAs': '依 {date} 早上的狀態顯示。',
  'itinerary:downloadIcs': '加入行事曆（.ics）',
};

// ---------------------------------------------------------------------------------------------

/** Catalog folders: '' for messages/ itself, then every feature folder (listed, not kept). */
export function catalogFolders(dir = root) {
  return [
    '',
    ...readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort(),
  ];
}

const idOf = (folder, path) => `${folder || 'main'}:${path}`;
const matches = (patterns, id) => patterns.some((p) => p.test(id));

/**
 * One Simplified message → Traditional (Taiwan). Returns { value, override, rules, grid } or
 * throws when the message's ICU syntax would change.
 */
export function convertMessage(id, zh, stats = newStats()) {
  let value;
  const override = Object.hasOwn(OVERRIDES, id);
  if (override) {
    value = OVERRIDES[id];
    stats.overrides++;
  } else {
    if (/[\uE000-\uF8FF]/.test(zh)) throw new Error(`${id}: private-use character in the source`);
    const segments = tokenize(zh);
    const syntax = [];
    let masked = '';
    for (const s of segments) {
      if (s.t === 'syntax') {
        masked += String.fromCharCode(0xe000 + syntax.length);
        syntax.push(s.v);
      } else masked += s.v;
    }
    if (syntax.length > 0x1900) throw new Error(`${id}: too much syntax to mask`);
    let text = cnToTwp(masked);
    for (const [from, to, scope] of RULES) {
      if (scope && !scope.test(id)) continue;
      const next = typeof from === 'string' ? text.replaceAll(from, to) : text.replace(from, to);
      if (next !== text) {
        stats.ruleHits.set(String(from), (stats.ruleHits.get(String(from)) ?? 0) + 1);
        text = next;
      }
    }
    if (matches(GRID, id)) {
      const next = swapRowsAndColumns(text);
      if (next !== text) stats.grid++;
      text = next;
    } else if (bareGridChars(text).length && !matches(TEXT_LINES, id)) {
      throw new Error(
        `${id}: 「${text}」 has 行/列 that may be a row or column: add the id to GRID (a table's rows/columns) or TEXT_LINES`,
      );
    }
    value = text.replace(/[\uE000-\uF8FF]/g, (ch) => syntax[ch.charCodeAt(0) - 0xe000]);
  }
  if (icuSkeleton(value) !== icuSkeleton(zh)) {
    throw new Error(
      `${id}: ICU syntax changed\n  zh:      ${JSON.stringify(zh)}\n  zh-Hant: ${JSON.stringify(value)}`,
    );
  }
  if (parseIcu && icuAst(value) !== icuAst(zh)) {
    throw new Error(`${id}: ICU structure changed (formatjs AST)`);
  }
  stats.strings++;
  if (value !== zh) stats.changed++;
  return value;
}

function newStats() {
  return { strings: 0, changed: 0, overrides: 0, grid: 0, ruleHits: new Map() };
}

function convertTree(folder, node, path, stats, errors) {
  if (typeof node === 'string') {
    try {
      return convertMessage(idOf(folder, path), node, stats);
    } catch (error) {
      errors.push(error.message);
      return node;
    }
  }
  if (!node || typeof node !== 'object' || Array.isArray(node)) {
    errors.push(`${idOf(folder, path)}: not a string or an object`);
    return node;
  }
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      convertTree(folder, v, path ? `${path}.${k}` : k, stats, errors),
    ]),
  );
}

/** The text of one folder's zh-Hant.json, from its zh.json, in memory. */
export function generateCatalog(folder, dir = root, stats = newStats(), errors = []) {
  const source = JSON.parse(readFileSync(join(dir, folder, SOURCE), 'utf8'));
  const converted = convertTree(folder, source, '', stats, errors);
  return `${JSON.stringify(converted, null, 2)}\n`;
}

/** Every catalog, in memory: { folders: [{ folder, path, text }], stats, errors }. */
export function generateAll(dir = root) {
  const stats = newStats();
  const errors = [];
  const ids = new Set();
  const folders = catalogFolders(dir).map((folder) => {
    const collect = (node, path) => {
      if (typeof node === 'string') ids.add(idOf(folder, path));
      else for (const [k, v] of Object.entries(node)) collect(v, path ? `${path}.${k}` : k);
    };
    collect(JSON.parse(readFileSync(join(dir, folder, SOURCE), 'utf8')), '');
    return {
      folder,
      path: join(dir, folder, TARGET),
      text: generateCatalog(folder, dir, stats, errors),
    };
  });
  for (const id of Object.keys(OVERRIDES)) {
    if (!ids.has(id)) errors.push(`override ${id}: no such message in zh.json (stale?)`);
  }
  return { folders, stats, errors };
}

function main() {
  const check = process.argv.includes('--check');
  const { folders, stats, errors } = generateAll();
  if (errors.length) {
    console.error(`catalog-zh-hant: ${errors.length} problem(s), nothing written:`);
    for (const e of errors) console.error(`- ${e}`);
    process.exit(1);
  }
  let stale = 0;
  for (const { path, text } of folders) {
    let old = null;
    try {
      old = readFileSync(path, 'utf8');
    } catch {
      old = null;
    }
    const rel = path.slice(resolve(root, '..').length + 1);
    if (old === text) console.log(`  unchanged ${rel}`);
    else if (check) {
      stale++;
      console.log(`  STALE     ${rel}`);
    } else {
      writeFileSync(path, text);
      console.log(`  wrote     ${rel}`);
    }
  }
  const hits = [...stats.ruleHits.values()].reduce((a, b) => a + b, 0);
  console.log(
    `catalog-zh-hant: ${stats.strings} strings in ${folders.length} catalogs, ${stats.changed} differ from zh; ` +
      `${stats.ruleHits.size}/${RULES.length} phrase rules used (${hits} strings), ` +
      `${stats.grid} row/column swaps, ${stats.overrides} overrides; ICU syntax identical` +
      (parseIcu ? ' (tokenizer and formatjs AST)' : ' (tokenizer)'),
  );
  if (stale) {
    console.error(
      `catalog-zh-hant: ${stale} file(s) out of date: run node scripts/catalog-zh-hant.mjs`,
    );
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();

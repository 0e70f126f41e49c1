// Reading the caller's options object (src/js/options.rs decides what they mean). Each known
// option is read once, as a value: no getter, Proxy trap, `toJSON`, `valueOf` or `toString`
// of the caller's runs after this, and nothing it throws gets out.
//
// The names each function knows, for `which` 0 (parse), 1 (validate) and 2 (summarize): the
// lists PARSE/VALIDATE/SUMMARY_OPTION_NAMES of src/js/options.rs (tests/js_layout.rs checks).
const OPTION_NAMES = [
  ['strict', 'maxInputBytes', 'maxDepth', 'maxIssues'],
  ['strict', 'maxInputBytes', 'maxDepth', 'maxIssues', 'text', 'markdown', 'csv'],
  ['strict', 'maxInputBytes', 'maxDepth', 'maxIssues', 'maxItems', 'maxLogIssues', 'maxOutputBytes', 'markdown', 'csv', 'timelines', 'lastEntries', 'changedOnly'],
];
// What stands in the snapshot for a value that is neither a boolean nor a number: its
// `typeof`, or one of these (src/js/options.rs `OptionValue::of_label` reads them).
const NULL = 'null';
const ARRAY = 'array';
const UNREADABLE = 'unreadable';
const keysOf = Object.keys;
const protoOf = Object.getPrototypeOf;
const isArray = Array.isArray;
const create = Object.create;
// The options of function `which`, as a snapshot for serde-wasm-bindgen: a null-prototype
// object (so a name it lacks finds no getter on a prototype) holding each known option the
// caller gave, as its boolean or number, or as the label of its type (undefined is left out,
// as the default); undefined when that leaves it empty. Or instead: the first unknown key
// (clipped), or 1 for not a plain object, 2 when asking for its prototype threw, 3 when
// listing its keys threw. Rust reads `options` undefined and null as no options before this.
export function readOptions(options, which) {
  if (typeof options !== 'object' || options === null) return 1;
  const names = OPTION_NAMES[which];
  try {
    if (isArray(options)) return 1;
    const proto = protoOf(options);
    if (proto !== null && protoOf(proto) !== null) return 1;
  } catch {
    return 2;
  }
  let keys;
  try {
    keys = keysOf(options);
  } catch {
    return 3;
  }
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (names.indexOf(key) < 0) return key.length > 256 ? key.slice(0, 256) : key;
  }
  const given = create(null);
  let count = 0;
  for (let i = 0; i < keys.length; i++) {
    let label;
    try {
      const v = options[keys[i]];
      switch (typeof v) {
        case 'undefined': continue;
        case 'boolean':
        case 'number': given[keys[i]] = v; count++; continue;
        case 'object': label = v === null ? NULL : isArray(v) ? ARRAY : 'object'; break;
        default: label = typeof v;
      }
    } catch {
      label = UNREADABLE;
    }
    given[keys[i]] = label;
    count++;
  }
  return count === 0 ? undefined : given;
}

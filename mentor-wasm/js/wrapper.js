// The package's entry, in front of wasm-bindgen's glue (`../mentor_wasm.js`), hand-written
// (issue 15, item 4). It exports everything the glue exports, as the glue does it, except:
//
// - `evaluateEligibility` and `validateApplication` given a plain object cross the boundary as
//   JSON text: `JSON.stringify` here, the glue's `…Json` call, `JSON.parse` of its answer here.
//   The glue's object calls run the same `JSON.stringify` and `JSON.parse`, but called from
//   inside the module, which costs more in V8 than from JS (`bench/bench.mjs`). The text is the
//   one the glue would have made, so the answer and every error are the glue's own.
// - `evaluateEligibilityMany` (Node build) sends the batch's situations as one text, one per
//   line, to the glue's internal `__evaluateEligibilityTape`, and parses the answers once:
//   one crossing each way for a part of the batch, instead of two engine calls per situation.
//
// Anything `JSON.stringify` would change or that a walk of the value cannot vouch for (not a
// plain object or array: a `Date`, a `Map`, a class instance, an object with `toJSON`; a value
// that is `NaN`, infinite, a `BigInt`, a function, a symbol or a string with a lone surrogate;
// nesting deeper than `MAX_DEPTH`; a cycle; a getter that throws) goes to the glue's object
// call as it was given, so its answer or error is exactly the glue's. A key whose value is
// `undefined` stays on the fast path: the glue drops it too (the same `JSON.stringify`).
//
// This file is a template: `manifest.mjs` makes it the CommonJS entry (`js/wrapper.js`, for
// `require`) and the ES module entries (`js/wrapper.mjs` of the Node build, `js/wrapper.js` of
// the browser build), which call `wrap` on the glue. It must hold one `export`, `wrap`'s.

/** Deeper than this (levels of objects and arrays), a value goes to the glue as it is. */
const MAX_DEPTH = 64;

/** The most UTF-16 units of situations sent in one text by `evaluateEligibilityMany`: the
 * module's memory holds the text and its answers (about 10 times longer) at once. */
const TAPE_UNITS = 1 << 20;

const wellFormed = String.prototype.isWellFormed
  ? (s) => s.isWellFormed()
  : (s) => !/\p{Surrogate}/u.test(s);

/** Whether `JSON.stringify(value)` is what the glue's object calls would read, with nothing
 * lost or changed: plain objects and arrays of strings, finite numbers, booleans and nulls.
 * Reads each property once, as the glue's own check does. */
function plain(value, depth) {
  switch (typeof value) {
    case "string":
      return wellFormed(value);
    case "number":
      return Number.isFinite(value);
    case "boolean":
    case "undefined":
      return true;
    case "object": {
      if (value === null) return true;
      if (depth >= MAX_DEPTH || typeof value.toJSON === "function") return false;
      const proto = Object.getPrototypeOf(value);
      if (Array.isArray(value)) {
        if (proto !== Array.prototype) return false;
        for (let i = 0; i < value.length; i++) if (!plain(value[i], depth + 1)) return false;
        return true;
      }
      if (proto !== Object.prototype && proto !== null) return false;
      const keys = Object.keys(value);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (!wellFormed(key) || !plain(value[key], depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/** The JSON text of a plain value, or `undefined` when it must go to the glue as it is. */
function textOf(value) {
  try {
    return plain(value, 0) ? JSON.stringify(value) : undefined;
  } catch {
    // A getter or a proxy that threw: the glue reads the value again and says it in its place.
    return undefined;
  }
}

/** The JSON text of an object argument; `undefined` for anything else (the glue's call takes
 * it: a root that is not an object is refused there, and cheaply). */
function objectText(value) {
  return typeof value === "object" && value !== null ? textOf(value) : undefined;
}

/** The JSON text of one situation of a batch, as the glue reads it (`undefined` and `null` are
 * `null`), or `undefined` when the glue must read it. */
function itemText(value) {
  return value === undefined || value === null ? "null" : textOf(value);
}

/** The functions that take the place of the glue's, for this glue (`require` or `import` of
 * `../mentor_wasm.js`): `evaluateEligibilityMany` only where the glue has the batch calls. */
export function wrap(glue) {
  // The glue is named as `glue.name` only: manifest.mjs imports those names, so that a bundler
  // leaves out the calls an app does not use.
  function evaluateEligibility(situation, options, lang) {
    const text = objectText(situation);
    if (text === undefined) return glue.evaluateEligibility(situation, options, lang);
    return JSON.parse(glue.evaluateEligibilityJson(text, options, lang));
  }

  function validateApplication(form, options, policy) {
    const text = objectText(form);
    if (text === undefined) return glue.validateApplication(form, options, policy);
    let answer;
    try {
      answer = glue.validateApplicationJson(text, options, policy);
    } catch {
      // The text call throws where the object call answers with data (a form past 1 MiB is
      // `too_long`) or throws the same (a bad option): the object call says which.
      return glue.validateApplication(form, options, policy);
    }
    return JSON.parse(answer);
  }

  function evaluateEligibilityMany(situations, options, lang) {
    if (!Array.isArray(situations) || situations.length === 0) {
      return glue.evaluateEligibilityMany(situations, options, lang);
    }
    const items = Array.from(situations);
    let answers;
    // Situations the glue must read, by index: each takes `null`'s place in the text, and the
    // glue's own answer for it replaces that one afterwards, in order.
    const odd = [];
    let lines = [];
    let units = 0;
    const send = () => {
      const part = JSON.parse(glue.__evaluateEligibilityTape(lines.join("\n"), options, lang));
      if (answers === undefined) answers = part;
      else for (let i = 0; i < part.length; i++) answers.push(part[i]);
      lines = [];
      units = 0;
    };
    for (let i = 0; i < items.length; i++) {
      let text = itemText(items[i]);
      if (text === undefined) {
        odd.push(i);
        text = "null";
      }
      lines.push(text);
      units += text.length + 1;
      if (units >= TAPE_UNITS) send();
    }
    if (lines.length > 0) send();
    for (const i of odd) answers[i] = glue.evaluateEligibilityMany([items[i]], options, lang)[0];
    return answers;
  }

  const wrapped = { evaluateEligibility, validateApplication };
  if (typeof glue.evaluateEligibilityMany === "function" && typeof glue.__evaluateEligibilityTape === "function") {
    wrapped.evaluateEligibilityMany = evaluateEligibilityMany;
  }
  return wrapped;
}

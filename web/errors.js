// The one error type of the API, and the one place where a core error value becomes an exception.

import { CODES } from './vocabulary.js';

/**
 * Every error the API throws. `code` is stable (docs/api.md lists them); `message` says what and
 * where. Bundle errors also carry `line`, `column` and `offset`.
 */
export class EncartError extends Error {
  /**
   * @param {string} code
   * @param {string} message
   * @param {{line?: number, column?: number, offset?: number}} [details]
   */
  constructor(code, message, details) {
    super(message);
    this.name = 'EncartError';
    /** @type {string} */
    this.code = code;
    /** @type {number | undefined} */
    this.line = undefined;
    /** @type {number | undefined} */
    this.column = undefined;
    /** @type {number | undefined} */
    this.offset = undefined;
    if (details) Object.assign(this, details);
    // Keep the object small when printed: undefined positions are dropped.
    for (const key of ['line', 'column', 'offset']) {
      if (this[/** @type {'line'} */ (key)] === undefined) delete this[/** @type {'line'} */ (key)];
    }
  }
}

/**
 * Returns `result` unless it is a core error value ({ok: false, code, message}), which it throws.
 * @template T
 * @param {T} result
 * @returns {T}
 */
export function check(result) {
  const value = /** @type {any} */ (result);
  if (value && value.ok === false) {
    const details = value.line ? { line: value.line, column: value.column, offset: value.offset } : undefined;
    throw new EncartError(value.code, value.message, details);
  }
  return result;
}

/** @param {string} message */
export function optionError(message) {
  return new EncartError(CODES.bad_option, message);
}

/**
 * `native` (an embind object) whose method calls turn a WebAssembly trap into an EncartError
 * `internal`. A trap (RuntimeError: out of memory, unreachable) leaves the instance's memory in
 * an unknown state: `discard` drops the shared module so that the next engine loads a new one,
 * and this object refuses every later call instead of running on the broken instance.
 * @template {object} T
 * @param {T} native
 * @param {() => void} discard
 * @returns {T}
 */
export function guardNative(native, discard) {
  /** @type {EncartError | null} */
  let broken = null;
  return new Proxy(native, {
    get(target, key) {
      const member = Reflect.get(target, key);
      if (typeof member !== 'function') return member;
      return (/** @type {unknown[]} */ ...args) => {
        if (broken && key === 'delete') return undefined; // the broken instance is gone already
        if (broken) throw broken;
        try {
          return member.apply(target, args);
        } catch (error) {
          if (!(error instanceof WebAssembly.RuntimeError)) throw error;
          discard();
          broken = new EncartError(
            CODES.internal,
            `encart stopped on an internal fault (${error.message}); this object cannot be used any more, a new one starts clean`,
          );
          throw broken;
        }
      };
    },
  });
}

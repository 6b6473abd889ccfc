//! The TypeScript declarations of the wire types (`docs/wire-format.md`), written by hand in
//! `types/wire.d.ts` and added to the generated `.d.ts`; the tests check them with
//! `tsc --noEmit --strict` against the package and its answers.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const WIRE_TYPES: &str = include_str!("../types/wire.d.ts");

// The WebAssembly features rustc's wasm32 target enables: wasm-opt must be told to accept each
// of them (scripts/build.mjs, tools/crates.mjs).
export const wasmFeatures = ["bulk-memory", "nontrapping-float-to-int", "sign-ext", "reference-types", "multivalue", "mutable-globals"].map(
  (feature) => `--enable-${feature}`,
);

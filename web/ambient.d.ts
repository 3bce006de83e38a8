// Modules that exist only at bundle time (tools/build-dist.mjs), for the type checker.

/** The Emscripten glue of the build: a factory of the WebAssembly module. */
declare module 'encart:glue' {
  const createEncartModule: (options: Record<string, unknown>) => Promise<any>;
  export default createEncartModule;
}

/** The pack module's glue (encart-pack.wasm). */
declare module 'encart:pack-glue' {
  const createEncartPackModule: (options: Record<string, unknown>) => Promise<any>;
  export default createEncartPackModule;
}

/** Stylesheets are bundled as text (esbuild's text loader). */
declare module '*.css' {
  const text: string;
  export default text;
}

// Modules that exist only at bundle time (tools/build-dist.mjs), for the type checker.

/** The Emscripten glue of the build: a factory of the WebAssembly module. */
declare module 'encart:glue' {
  const createEncartModule: (options: Record<string, unknown>) => Promise<any>;
  export default createEncartModule;
}

/** Stylesheets are bundled as text (esbuild's text loader). */
declare module '*.css' {
  const text: string;
  export default text;
}

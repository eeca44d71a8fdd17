// Constants the build (scripts/build.mjs) defines.
declare const LIVEDIFF_VERSION: string;

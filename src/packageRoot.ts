import * as path from "node:path";

/**
 * The package's own folder (where package.json and Pulumi.example.yaml are), from this module's place: it sits
 * directly under src/ (compiled: dist/), so the answer does not change when other modules move between folders.
 */
export const PACKAGE_ROOT = path.join(__dirname, "..");

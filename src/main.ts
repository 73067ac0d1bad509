// Entry point of the root Pulumi project (Pulumi.yaml): everything comes from the stack's config.
import { runStack } from "./component/stack";

export = runStack();

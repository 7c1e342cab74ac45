/**
 * graphql-ws publishes its `ws` adapter only through package exports
 * ("graphql-ws/use/ws"), which this project's "node" module resolution does
 * not read; Node and tsx do at run time. This names its types for the compiler.
 */
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}

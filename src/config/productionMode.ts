/**
 * Imported first by the service's entry points (and the benchmarks that
 * measure it): a service started without NODE_ENV runs in production mode.
 * graphql-js reads NODE_ENV once, when it is loaded, and outside production
 * checks every `instanceof` it makes against a copy of itself loaded twice,
 * which costs a few percent of every request; Express skips its development
 * behaviour too. Tests set NODE_ENV=test (Jest does) and keep the checks.
 */
process.env.NODE_ENV ??= 'production';

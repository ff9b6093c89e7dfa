// A CommonJS user: require() of the ESM package (Node 20.19+ loads ES modules synchronously).
const { checkClient } = require('clerk-client-conformance');

console.log(`cjs ok ${checkClient({}).violations.length > 0}`);

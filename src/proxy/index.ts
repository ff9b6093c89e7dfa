/** `clerk-client-conformance/proxy`: the validating proxy, for test suites that wrap their own emulator. */
export { startConformanceProxy, VIOLATION_HEADER } from './startConformanceProxy.js';
export type { ConformanceProxy, ConformanceProxyOptions, ProxyResult, ProxyTraffic } from './types.js';

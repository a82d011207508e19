// The OpenAPI conformance spec judges what every other spec sent through the proxy, so it runs last.
const Sequencer = require('@jest/test-sequencer').default;

const LAST = 'openapi-conformance.e2e-spec.ts';

module.exports = class ConformanceLast extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    return [...sorted.filter((t) => !t.path.endsWith(LAST)), ...sorted.filter((t) => t.path.endsWith(LAST))];
  }
};

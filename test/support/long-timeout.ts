// Integration and end-to-end tests start real servers; give hooks and tests room on a 2-core machine.
jest.setTimeout(Number(process.env.HB_TEST_TIMEOUT_MS ?? 120_000));

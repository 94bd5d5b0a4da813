/**
 * A jest environment in Việt Nam's time zone (UTC+7, no daylight saving), so
 * that tests of local times assert fixed text. TZ must be set in the worker
 * process itself (a test's process.env is a copy), and is put back afterwards.
 */
const { TestEnvironment } = require('jest-environment-node');

class VietnamTimeEnvironment extends TestEnvironment {
  async setup() {
    this.previousTz = process.env.TZ;
    process.env.TZ = 'Asia/Ho_Chi_Minh';
    await super.setup();
  }

  async teardown() {
    if (this.previousTz === undefined) delete process.env.TZ;
    else process.env.TZ = this.previousTz;
    await super.teardown();
  }
}

module.exports = VietnamTimeEnvironment;

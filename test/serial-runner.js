// Jest's own runner, told to run its files one at a time in the main process (jest asks `isSerial`); the
// projects that use it run after the parallel ones, not beside them.
const TestRunner = require('jest-runner').default;

module.exports = class SerialRunner extends TestRunner {
  isSerial = true;
};

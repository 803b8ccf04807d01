/**
 * What `ntk history` starts before its own file loads (bin/ntk.js runs
 * dist/bin/early-NAME.js, when a command has one, with the command line
 * after the command's name): git's log of the one file it is asked for.
 */
export { startEarlyLog as start } from '../read/early-log.js';

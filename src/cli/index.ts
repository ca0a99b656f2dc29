// The `faultline` command arrives with issue 7.
export {};

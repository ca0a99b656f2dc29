// faultline/fetch: createClient arrives with issue 4.
export {};

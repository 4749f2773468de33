// The error codes of `errors[]` and how they are grouped; the codes themselves are the clients'.
export * from "../clients/errors.js";

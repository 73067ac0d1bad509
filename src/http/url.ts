/** True for 127.0.0.0/8, ::1 and localhost: the only hosts plain http may reach (the tests' fakes of Okta and Statsig). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

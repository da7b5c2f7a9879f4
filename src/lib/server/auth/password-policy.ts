// The most common leaked passwords of 12+ characters; short ones are already refused by length.
const COMMON = new Set([
	'password1234', '123456789012', 'qwertyuiopas', 'passwordpassword', 'iloveyou1234', 'welcome12345',
	'password123!', 'administrator', 'letmein12345', 'qwerty123456', '1q2w3e4r5t6y', 'abc123456789',
	'changeme1234', 'rapport-demo1', 'football1234', 'monkey123456', 'sunshine1234', 'princess1234',
	'111111111111', '000000000000', 'aaaaaaaaaaaa', 'qwertyqwerty', 'trustno11234', 'superman1234'
]);

/** Why a new password is not acceptable, or undefined when it is. */
export function passwordProblem(password: string): string | undefined {
	if (password.length < 12) return 'Use at least 12 characters';
	if (COMMON.has(password.toLowerCase())) return 'That password is too common: choose another';
	if (/^(.)\1+$/.test(password)) return 'Do not repeat one character';
	return undefined;
}

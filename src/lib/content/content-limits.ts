/** A content file as read from disk (or from a trainer's upload). */
export type ContentFile = {
	path: string;
	text: string;
	/**
	 * Size on disk when the reader refused to load the text (it stays empty):
	 * lets the checker report an oversized file without anyone reading it whole.
	 */
	byteLength?: number;
};

// Real scenarios are a few dozen KiB; anything far larger is a mistake or an attack.
export const MAX_CONTENT_FILE_BYTES = 256 * 1024;

// Trainers rarely need YAML aliases at all; a low cap stops "billion laughs" expansion early.
export const MAX_YAML_ALIAS_COUNT = 100;

export const formatKiB = (bytes: number): string => `${Math.ceil(bytes / 1024)} KiB`;

/**
 * Size in UTF-8 bytes, or a lower bound when the text is obviously too large:
 * every UTF-16 code unit needs at least one byte, so huge strings skip the encoder.
 */
export const contentByteLength = (file: ContentFile): number =>
	file.byteLength ??
	(file.text.length > MAX_CONTENT_FILE_BYTES ? file.text.length : new TextEncoder().encode(file.text).length);

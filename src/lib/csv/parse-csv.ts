/**
 * A small RFC 4180 reader: comma-separated, fields may be quoted, a doubled quote inside quotes is
 * a quote, and quoted fields may hold commas and line breaks. Each record keeps the line it starts
 * on, so problems can be reported the way a spreadsheet user will look for them.
 */
export interface CsvRecord {
	line: number;
	fields: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

export function parseCsv(text: string): CsvParse {
	const records: CsvRecord[] = [];
	const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
	let fields: string[] = [];
	let field = '';
	let line = 1;
	let recordLine = 1;
	let quoted = false;
	let wasQuoted = false;
	const endField = () => {
		fields.push(wasQuoted ? field : field.trim());
		field = '';
		wasQuoted = false;
	};
	const endRecord = () => {
		endField();
		// Blank lines carry no record: spreadsheets often leave one at the end.
		if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
		fields = [];
	};
	for (let i = 0; i < input.length; i++) {
		const c = input[i];
		if (quoted) {
			if (c === '"' && input[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else {
				if (c === '\n') line++;
				field += c;
			}
		} else if (c === '"') {
			if (field.trim() !== '') return { ok: false, line, message: 'A quote in the middle of an unquoted field' };
			quoted = true;
			wasQuoted = true;
			field = '';
		} else if (c === ',') endField();
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && input[i + 1] === '\n') i++;
			endRecord();
			line++;
			recordLine = line;
		} else if (wasQuoted) {
			if (c.trim() !== '') return { ok: false, line, message: 'Text after a closing quote' };
		} else field += c;
	}
	if (quoted) return { ok: false, line: recordLine, message: 'A quoted field is never closed' };
	endRecord();
	return { ok: true, records };
}

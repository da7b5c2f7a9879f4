import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Scenario } from '$lib/content/scenario-schema';
import { studioMap } from '$lib/server/studio/studio-map';
import { scenarioTemplate } from '$lib/studio/scenario-template';

const scenarioFrom = (text: string) => Scenario.parse(parse(text));

describe('studioMap', () => {
	it('colours endings by outcome and flags nothing in a sound scenario', () => {
		const map = studioMap(scenarioFrom(scenarioTemplate('x', 'X')));
		const byId = new Map(map.nodes.map((n) => [n.id, n]));
		expect(byId.get('resolved')?.outcome).toMatchObject({ label: 'Resolved', tone: 'good' });
		expect(byId.get('breach')?.outcome?.tone).toBe('bad');
		expect(byId.get('greet')?.start).toBe(true);
		expect(map.nodes.filter((n) => n.unreachable || n.deadEnd)).toEqual([]);
		expect(map.edges.length).toBeGreaterThan(2);
	});

	it('flags a node nothing leads to, and a loop no ending can be reached from', () => {
		const text = `${scenarioTemplate('x', 'X')}  island:\n    customer: Nobody comes here.\n    options:\n      - id: around\n        text: Round again.\n        go: island\n`;
		const island = studioMap(scenarioFrom(text)).nodes.find((n) => n.id === 'island');
		expect(island).toMatchObject({ unreachable: true, deadEnd: true });
	});
});

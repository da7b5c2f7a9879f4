import { problemAt, type Problem } from './problem';
import type { Badge } from './badge-schema';
import type { TrackContext } from './check-tracks';
import type { SourceLocator, YamlPath } from './yaml-positions';

/** A badge may only name scenarios, rubrics, criteria and tracks that loaded, and must be earnable. */
export const checkBadge = (badge: Badge, library: TrackContext, locate: SourceLocator, path: string): Problem[] => {
	const problems: Problem[] = [];
	const report = (at: YamlPath, message: string) => problems.push(problemAt(path, locate(['rule', ...at]), message));
	const missing = (kind: string, id: string) =>
		library.skipped.has(`${kind}:${id}`) ? `${kind} "${id}" has errors and was skipped` : `no ${kind} with id "${id}"`;
	const { rule } = badge;

	if (rule.kind === 'passes') {
		const scenario = rule.scenario ? library.scenarios.get(rule.scenario) : undefined;
		if (rule.scenario && !scenario) report(['scenario'], missing('scenario', rule.scenario));
		else if (scenario && rule.family && scenario.family !== rule.family)
			report(['family'], `scenario "${scenario.id}" is in the ${scenario.family} family, not ${rule.family}`);
		else if (rule.distinct) {
			const available = [...library.scenarios.values()].filter(
				(s) => (!rule.family || s.family === rule.family) && (!rule.scenario || s.id === rule.scenario) && s.difficulty >= rule.min_difficulty
			);
			if (available.length < rule.count) report(['count'], `asks for ${rule.count} different scenarios, but the library has ${available.length} that match`);
		}
	} else if (rule.kind === 'criterion') {
		if (rule.rubric) {
			const rubric = library.rubrics.get(rule.rubric);
			if (!rubric) report(['rubric'], missing('rubric', rule.rubric));
			else if (!rubric.criteria.some((c) => c.id === rule.criterion)) report(['criterion'], `rubric "${rule.rubric}" has no criterion "${rule.criterion}"`);
		} else if (![...library.rubrics.values()].some((r) => r.criteria.some((c) => c.id === rule.criterion))) {
			report(['criterion'], `no rubric has a criterion "${rule.criterion}"`);
		}
	} else if (rule.kind === 'certification' && rule.track && !library.tracks.has(rule.track)) {
		report(['track'], missing('track', rule.track));
	}
	return problems;
};

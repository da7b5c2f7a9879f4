/** A new track in the studio: one requirement on a shipped scenario, so it is valid at once. */
export const trackTemplate = (id: string, title: string): string => `# A certification on the career path: what a learner must pass to earn it.
id: ${id}
title: ${JSON.stringify(title)}
level: 1
prerequisites: []
valid_for_months: 24
skills: [empathy]

requirements:
  - id: first-scenario
    title: Pass the billing dispute
    kind: scenarios
    scenarios: [billing-dispute]
    min_score: 80
`;

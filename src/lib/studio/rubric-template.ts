/** A new rubric in the studio: valid at once (weights add up to 100), commented for the trainer. */
export const rubricTemplate = (id: string, title: string): string => `# What a good contact looks like, as a QA scorecard. Weights must add up to 100.
id: ${id}
title: ${JSON.stringify(title)}
pass_mark: 80

criteria:
  - id: empathy
    label: Empathy
    weight: 50
    description: Acknowledges how the customer feels before solving.
    levels:
      0: Ignores the customer's feelings.
      1: Acknowledges them with a stock phrase.
      2: Names the feeling and the cause in the customer's own terms.

  # A critical item cannot be averaged away: one breach fails the attempt.
  - id: compliance
    label: Compliance
    weight: 50
    critical: all
    description: Verifies identity before changing the account.
    levels:
      0: Changed the account without verifying.
      1: Verified, but late.
      2: Verified before any change.
`;

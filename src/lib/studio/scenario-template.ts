/**
 * The starting point for a new scenario in the studio: small, valid against the shipped
 * customer-service rubric, and commented so a trainer sees where each part goes.
 */
export const scenarioTemplate = (id: string, title: string): string => `# Who is calling, what they want, and what the scenario teaches.
id: ${id}
title: ${JSON.stringify(title)}
family: difficult-customer
channel: chat
difficulty: 1
rubric: customer-service
target_handle_time: 3m

persona:
  name: Alex Morgan
  situation: Was charged twice this month and wants the money back.
  mood: 4
  patience: 4

crm:
  fields:
    Name: Alex Morgan
    Balance: $20.00

nodes:
  greet:
    customer: I was charged twice and I want it fixed.
    options:
      - id: verify
        text: I'm sorry about that. Can I confirm your name and ZIP code first?
        action: verify-identity
        effects: { set: verified, mood: +1 }
        evidence: { compliance: 2, empathy: 2 }
        go: check
      - id: rush
        text: Let me just refund that.
        evidence: { compliance: 0 }
        go: check
  check:
    customer: So can you fix it?
    options:
      - id: refund
        text: I've refunded the second charge; it shows within three days.
        action: change-account
        requires: verified
        otherwise:
          go: breach
          evidence: { compliance: fail }
        effects: { update: { Balance: $0.00 }, mood: +2 }
        evidence: { communication: 2, problem-solving: 2, documentation: 2 }
        go: resolved
  resolved:
    customer: Thank you, that's all I needed.
    outcome: resolved
  breach:
    outcome: compliance-failure
`;

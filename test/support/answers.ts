/** A partial record for `ntk new --answers`: one child, one session, one scored section, a plan (the e2e and golden tests share it). */
export const SAM_ANSWERS = `child:
  ref: AB-01
  name: Sam
assessment:
  completed: 2021-03-01
  contributors:
    - id: hv1
      role: Health visitor
  sessions:
    - date: 2021-02-20
      type: unannounced-visit
      by: hv1
      seen_alone: true
areas:
  physical-care:
    sections:
      "1.1":
        score: 3
        parent_score: 2
        evidence: Little food in the house.
        by: hv1
    impact: Hungry at school.
summary:
  decision: early-help
  lead_consulted: 2021-03-02
  next_review: 2021-06-01
`;

// The three-paper deck the study screen's end-to-end tests run on, and the moment they run at.
export const NOW = '2027-03-01T10:00:00Z';
export const NOTES = `Monday morning

C1: Alpha Paper Title

Some remarks about the talk.
Key idea: Alpha shows that recursion makes programs generalize.

C2: Beta Paper Title

More remarks.
Key idea: Beta treats graph generation as sequence generation.

C3: Gamma Paper Title

Even more remarks.
Key idea: Gamma normalizes the normalizers.
`;

// Inline LaTeX as a card shows it: `$\alpha$` as α, `$l_p$` as l_p, `$\mathcal{O}(n^2)$` as
// O(n^2) (and the note's reader then writes simple scripts as O(n²), l₁, Wᵀ: note-text.ts). A terminal shows no typeset maths; what it can show is the symbols and the letters.

const SYMBOLS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π',
  rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  cdot: '·', times: '×', div: '÷', pm: '±', mp: '∓', leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠',
  approx: '≈', sim: '~', simeq: '≃', equiv: '≡', propto: '∝', infty: '∞', sum: 'Σ', prod: 'Π', int: '∫',
  partial: '∂', nabla: '∇', in: '∈', notin: '∉', subset: '⊂', subseteq: '⊆', cup: '∪', cap: '∩',
  forall: '∀', exists: '∃', neg: '¬', land: '∧', lor: '∨', to: '→', rightarrow: '→', leftarrow: '←',
  Rightarrow: '⇒', Leftarrow: '⇐', leftrightarrow: '↔', mapsto: '↦', ell: 'ℓ', top: '⊤', perp: '⊥',
  circ: '∘', odot: '⊙', otimes: '⊗', oplus: '⊕', star: '⋆', ast: '∗', dots: '…', ldots: '…', cdots: '⋯',
  langle: '⟨', rangle: '⟩', lVert: '‖', rVert: '‖', Vert: '‖', mid: '|', vert: '|', emptyset: '∅',
  log: 'log', exp: 'exp', max: 'max', min: 'min', arg: 'arg', argmax: 'argmax', argmin: 'argmin',
  sin: 'sin', cos: 'cos', tanh: 'tanh', det: 'det', lim: 'lim', sup: 'sup', inf: 'inf', E: 'E',
  quad: ' ', qquad: ' ', ',': ' ', ';': ' ', '!': '', ' ': ' ', '|': '‖', '{': '{', '}': '}', '%': '%', '_': '_', '&': '&', '#': '#', '$': '$',
};
// Commands whose one argument is the text to show: \mathcal{O} -> O, \text{loss} -> loss.
const ARGUMENT_SHOWN = new Set(
  'mathcal mathbf mathrm mathit mathbb mathsf mathtt boldsymbol bm text textbf textit textrm operatorname hat bar tilde vec dot ddot widehat widetilde overline underline left right big Big bigl bigr'.split(' '),
);
const COMMAND = /\\([A-Za-z]+|[^A-Za-z])/g;
const ENVIRONMENT = /\\(?:begin|end)\s*\{[a-zA-Z*]+\}/g;
const STACKED = /\\(underset|overset|stackrel)\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g;
const FRACTION = /\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g;
const SQUARE_ROOT = /\\sqrt\s*\{([^{}]*)\}/g;

/** LaTeX source of an inline formula -> readable text. */
export function latexToText(source: string): string {
  // "\begin{bmatrix} a & b \\ c & d \end{bmatrix}": the cells, not the environment's name.
  let text = source.trim().replace(ENVIRONMENT, '').replace(/\s*&\s*/g, ', ').replace(/\s*\\\\\s*/g, '; ');
  // Innermost first, a few rounds: \frac{\alpha}{2} and nested braces are rare beyond that.
  for (let round = 0; round < 3; round++) {
    const before = text;
    text = text
      .replace(FRACTION, (_, a: string, b: string) => `${wrap(a)}/${wrap(b)}`)
      .replace(SQUARE_ROOT, '√$1')
      // \underset{\theta}{\arg\max} as argmax_θ, \overset{def}{=} as =^def.
      .replace(STACKED, (_, how: string, mark: string, base: string) => `${base}${how === 'underset' ? '_' : '^'}${wrap(mark)}`);
    text = text.replace(/\\([A-Za-z]+)\s*\{([^{}]*)\}/g, (whole, name: string, arg: string) =>
      ARGUMENT_SHOWN.has(name) ? arg : whole,
    );
    if (text === before) break;
  }
  text = text.replace(COMMAND, (_, name: string) => {
    if (name in SYMBOLS) return SYMBOLS[name]!;
    if (ARGUMENT_SHOWN.has(name)) return '';
    return /^[A-Za-z]+$/.test(name) ? name : '';
  });
  // Braces group for LaTeX only: x^{2} reads as x^2, e^{-\lambda t} as e^(-λ t), \sum_{i=1} as Σ_(i=1).
  for (let round = 0; round < 3 && text.includes('{'); round++) text = text.replace(/([_^])\{([^{}]*)\}/g, (_, mark: string, group: string) => `${mark}${wrap(group)}`);
  text = text.replace(/[{}]/g, '');
  return text.replace(/\s+/g, ' ').trim();
}

function wrap(part: string): string {
  const trimmed = part.trim();
  return /^[\w\\]+$|^\([^()]*\)$/u.test(trimmed) || [...trimmed].length === 1 ? trimmed : `(${trimmed})`;
}

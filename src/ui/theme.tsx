// Colour for the study screen, on only when the terminal takes it (NO_COLOR, pipes). Every
// coloured thing also reads without colour: counts are labelled, grades are numbered and named.
import { createContext, useContext, type ReactNode } from 'react';
import { Text } from 'ink';

/** Anki's colours: new blue, learning red, review green; grades Again red to Easy blue. */
export const palette = {
  new: 'blue',
  learning: 'red',
  review: 'green',
  again: 'red',
  hard: 'yellow',
  good: 'green',
  easy: 'blue',
  notice: 'yellow',
  error: 'red',
  accent: 'cyan',
} as const;

export type Tone = keyof typeof palette;

const ColorContext = createContext(true);

export function ColorProvider({ color, children }: { color: boolean; children: ReactNode }) {
  return <ColorContext.Provider value={color}>{children}</ColorContext.Provider>;
}

export function useColor(): boolean {
  return useContext(ColorContext);
}

/** Text in one of the palette's colours when colour is on, plain otherwise. */
export function Tinted({ tone, bold, children }: { tone: Tone; bold?: boolean; children: ReactNode }) {
  const color = useColor();
  return (
    <Text color={color ? palette[tone] : undefined} bold={bold}>
      {children}
    </Text>
  );
}

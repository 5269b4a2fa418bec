// The terminal's width, kept current on resize: the screen's width, the progress bar and the
// key hints are sized from it.
import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

export function useTerminalColumns(): number {
  const { stdout } = useStdout();
  const [columns, setColumns] = useState(() => stdout.columns || 80);
  useEffect(() => {
    const onResize = () => setColumns(stdout.columns || 80);
    // Before Ink's own resize handler, which redraws at once: that redraw must already have
    // the new width, or a frame as wide as the old terminal wraps and leaves debris behind.
    stdout.prependListener('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return columns;
}

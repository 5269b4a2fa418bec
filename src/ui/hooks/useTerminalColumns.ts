// The terminal's width, kept current on resize: the progress bar and the key hints are sized
// from it (Ink itself re-lays out text on resize).
import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

export function useTerminalColumns(): number {
  const { stdout } = useStdout();
  const [columns, setColumns] = useState(() => stdout.columns || 80);
  useEffect(() => {
    const onResize = () => setColumns(stdout.columns || 80);
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return columns;
}

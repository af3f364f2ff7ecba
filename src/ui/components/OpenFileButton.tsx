/** A button that opens a JSON file (scenario or experiment: the file's format decides) through importFile. */
import { useRef } from 'react';
import { importFile } from '../openDocument';

export function OpenFileButton({ label, disabled }: { label: string; disabled?: boolean }) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" disabled={disabled} onClick={() => fileInput.current?.click()}>
        {label}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={label}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importFile(file);
          // Cleared, so that choosing the same file again opens it again.
          e.target.value = '';
        }}
      />
    </>
  );
}

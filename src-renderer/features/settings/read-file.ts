/** Reads a chosen file in the renderer: as text (a template) or as a data: URL (a logo). */
export function readFile(file: File, as: 'text' | 'dataUrl'): Promise<string> {
  return new Promise((ok, fail) => {
    const r = new FileReader();
    r.onload = () => ok(String(r.result));
    r.onerror = () => fail(r.error ?? new Error('read failed'));
    if (as === 'text') r.readAsText(file, 'utf-8');
    else r.readAsDataURL(file);
  });
}

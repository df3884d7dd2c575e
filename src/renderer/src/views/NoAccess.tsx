/** Browser mode, a tab without the access token: how to get in. */
export function NoAccess() {
  return (
    <main className="empty no-access">
      <h1>Open Sourcebench from the address it printed</h1>
      <p>
        This tab has no access to the Sourcebench running on this computer. When Sourcebench started, it printed an address like{' '}
        <code>{window.location.origin}/?token=…</code> in the terminal: open that address (it carries the access token for this run), and this tab
        will keep its access until it is closed.
      </p>
      <p className="muted">Each run of Sourcebench has its own token, so after a restart open the newly printed address.</p>
    </main>
  );
}

import { useState, type FormEvent } from 'react';
import { useSession } from '../../app/session.js';
import { ErrorPanel } from '../../components/ui/states.js';
import { useSubmit } from '../../lib/use-submit.js';

type Mode = 'sign-in' | 'register';

/** Sign in, or create an account and be signed in straight away. */
export function SignInPage() {
  const { signIn, register, notice } = useSession();
  const [mode, setMode] = useState<Mode>('sign-in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run, clearError } = useSubmit(() => (mode === 'sign-in' ? signIn(email, password) : register(email, password)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run();
  };

  const switchTo = (next: Mode) => {
    setMode(next);
    clearError();
  };

  return (
    <div className="auth">
      <div className="auth__card">
        <div className="auth__brand">
          <img src="/favicon.svg" alt="" width={36} height={36} />
          <div>
            <h1>Trainyard</h1>
            <p>Train models on your tabular data</p>
          </div>
        </div>
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={mode === 'sign-in'} onClick={() => switchTo('sign-in')}>
            Sign in
          </button>
          <button type="button" role="tab" aria-selected={mode === 'register'} onClick={() => switchTo('register')}>
            Create account
          </button>
        </div>
        {notice && <div className="alert alert--info">{notice}</div>}
        <form onSubmit={submit} className="form">
          <label className="field">
            <span className="field__label">Email</span>
            <input type="email" name="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label className="field">
            <span className="field__label">Password</span>
            <input
              type="password"
              name="password"
              autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
              required
              minLength={mode === 'register' ? 8 : undefined}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            {mode === 'register' && <span className="field__hint">At least 8 characters</span>}
          </label>
          {error && <ErrorPanel error={error} />}
          <button type="submit" className="button button--primary button--block" disabled={busy}>
            {busy ? 'Please wait…' : mode === 'sign-in' ? 'Sign in' : 'Create account'}
          </button>
        </form>
      </div>
    </div>
  );
}

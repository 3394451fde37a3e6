import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConsoleLink } from './ConsoleLink';

describe('ConsoleLink', () => {
  it('opens the app’s console page in a new tab that gets neither this page nor its address', () => {
    render(<ConsoleLink region="eu-west-1" appId="d2k9xq7v1ab3cd" />);
    const link = screen.getByRole('link', { name: /^Open in the Amplify console ?\(app d2k9xq7v1ab3cd, opens in a new tab\)$/ });
    expect(link).toHaveAttribute(
      'href',
      'https://eu-west-1.console.aws.amazon.com/amplify/apps/d2k9xq7v1ab3cd/overview?region=eu-west-1',
    );
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')?.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
  });

  it('shows an unusual app ID as text and keeps it inside one path segment', () => {
    render(<ConsoleLink region="us-east-1" appId={'<img src=x onerror=alert(1)>/..'} />);
    const link = screen.getByRole('link');
    expect(link.querySelector('img')).toBeNull();
    expect(link).toHaveTextContent('<img src=x onerror=alert(1)>/..');
    expect(new URL(link.getAttribute('href') ?? '').pathname).toBe(
      '/amplify/apps/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%2F../overview',
    );
  });

  it('renders nothing for a region that is not a region name', () => {
    const { container } = render(<ConsoleLink region="evil.example/x" appId="d1" />);
    expect(container).toBeEmptyDOMElement();
  });

  it('for a hosting job, opens its branch’s deployments and says which job to pick there', () => {
    render(
      <ConsoleLink jobRef={{ kind: 'hosting', region: 'eu-west-1', appId: 'd2k9', branchName: 'feature/login', jobId: '12' }} />,
    );
    const link = screen.getByRole('link', {
      name: /^Open in the Amplify console ?\(deployments of branch feature\/login, job 12 among them, app d2k9, opens in a new tab\)$/,
    });
    expect(link).toHaveAttribute(
      'href',
      'https://eu-west-1.console.aws.amazon.com/amplify/apps/d2k9/branches/feature%2Flogin/deployments?region=eu-west-1',
    );
    expect(link.getAttribute('rel')?.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
  });

  it('for a backend job given as a jobRef, opens the app as before', () => {
    render(<ConsoleLink jobRef={{ region: 'eu-west-1', appId: 'd2k9', envName: 'staging', jobId: 'j' }} />);
    expect(screen.getByRole('link')).toHaveAttribute(
      'href',
      'https://eu-west-1.console.aws.amazon.com/amplify/apps/d2k9/overview?region=eu-west-1',
    );
  });
});

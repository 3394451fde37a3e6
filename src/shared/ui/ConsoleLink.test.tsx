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
});

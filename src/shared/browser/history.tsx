import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { navigate, subscribeToLocation } from './navigation';

export { navigate } from './navigation';

/**
 * A tiny client-side router: the app has a handful of routes, and a router library would cost
 * more bytes than the whole job page.
 */
function snapshot(): string {
  return window.location.pathname + window.location.search;
}

export interface Location {
  pathname: string;
  search: string;
}

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribeToLocation, snapshot);
  const url = new URL(href, 'http://x');
  return { pathname: url.pathname, search: url.search };
}

export type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** An ordinary link that navigates in place on a plain left click and behaves natively otherwise. */
export function Link({ href, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      rest.target === '_blank'
    ) {
      return;
    }
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handleClick} {...rest} />;
}

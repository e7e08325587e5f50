import { useEffect, useState } from 'react';

/** Whether `immersive-vr` sessions are available; the VR button is hidden otherwise. */
export function useXRSupport(): boolean {
  const [supported, setSupported] = useState(false);
  useEffect(() => {
    let live = true;
    navigator.xr
      ?.isSessionSupported('immersive-vr')
      .then((ok) => live && setSupported(ok))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return supported;
}

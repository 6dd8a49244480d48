/** numpy.rint: to the nearest integer, halves to the even neighbour (Math.round sends halves up). */
export function roundHalfEven(x: number): number {
  const rounded = Math.round(x);
  return Math.abs(x % 1) === 0.5 && rounded % 2 !== 0 ? rounded - 1 : rounded;
}

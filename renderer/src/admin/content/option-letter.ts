/** 0 → A: options are named by letter on the kiosk and in the editor alike. */
export const optionLetter = (index: number) => String.fromCharCode(65 + index);

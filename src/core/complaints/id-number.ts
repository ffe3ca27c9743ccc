// 公民身份号码 (GB 11643-1999): validated with the other party identifiers in core/privacy.
export { isResidentIdNumber } from '../privacy/identifiers.js';

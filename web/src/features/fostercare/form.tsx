import { useCareForm } from '../care/forms';

export { GeneralError } from '../care/forms';

/** A foster-care form's errors: the care forms' one handling, with this module's wording of a stale version. */
export const useLifeForm = () => useCareForm('fostering.stale');

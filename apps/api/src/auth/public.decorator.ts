import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'hallbridge:public';

/** Marks a route that needs no token (sign-in, join link, device pairing, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateUserBody, UpdateUserBody, User } from '@hallbridge/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestActor } from '../auth/request-actor';
import { IdParamDto } from '../common/dto';
import { UsersService } from './users.service';

class CreateUserDto extends createZodDto(CreateUserBody) {}
class UpdateUserDto extends createZodDto(UpdateUserBody) {}
class UserDto extends createZodDto(User) {}
class UserListDto extends createZodDto(z.array(User)) {}

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ZodResponse({ type: UserListDto })
  list(@CurrentActor() actor: RequestActor) {
    return this.users.list(actor);
  }

  @Get('presenters')
  @ZodResponse({ type: UserListDto })
  presenters(@CurrentActor() actor: RequestActor) {
    return this.users.presenters(actor);
  }

  @Post()
  @ZodResponse({ status: 201, type: UserDto })
  create(@CurrentActor() actor: RequestActor, @Body() body: CreateUserDto) {
    return this.users.create(actor, body);
  }

  @Patch(':id')
  @ZodResponse({ type: UserDto })
  update(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: UpdateUserDto) {
    return this.users.update(actor, id, body);
  }
}
